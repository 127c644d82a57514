# Verifying x-sinch-webhook-signature in a Python handler of Conversation API callbacks: base64
# HMAC-SHA256 of "<raw body>.<nonce>.<timestamp>", compared in constant time, and a timestamp no older
# than five minutes, so that a captured callback cannot be replayed. `python3 verify.py` signs the
# guide's example and checks it at two times: just after it was sent, and an hour later.
import base64
import hashlib
import hmac

MAX_AGE_SECONDS = 5 * 60


def signature(secret: str, body: bytes, nonce: str, timestamp: str) -> str:
    """The x-sinch-webhook-signature of a callback."""
    message = body + b"." + nonce.encode("utf-8") + b"." + timestamp.encode("utf-8")
    return base64.b64encode(hmac.new(secret.encode("utf-8"), message, hashlib.sha256).digest()).decode("ascii")


def valid_callback(secret: str, body: bytes, headers, now: float) -> bool:
    """Whether a callback (raw body, headers) was signed with secret and is recent at now."""
    nonce = headers.get("x-sinch-webhook-signature-nonce", "")
    timestamp = headers.get("x-sinch-webhook-signature-timestamp", "")
    try:
        if abs(now - int(timestamp)) > MAX_AGE_SECONDS:
            return False
    except ValueError:
        return False
    return hmac.compare_digest(signature(secret, body, nonce, timestamp), headers.get("x-sinch-webhook-signature", ""))


# In a Flask view: valid_callback(SECRET, request.get_data(), request.headers, time.time()), or abort(401).

if __name__ == "__main__":
    secret, body = "d1c7ccbf-919d-462f-8587-dec95a1b11ee", b'{"app_id":"01E","message":{"text":"hello"}}'
    nonce, timestamp = "01FJA8B4A7BM43YGWSG9GBV067", "1634579353"
    headers = {"x-sinch-webhook-signature": signature(secret, body, nonce, timestamp),
               "x-sinch-webhook-signature-nonce": nonce, "x-sinch-webhook-signature-timestamp": timestamp}
    sent = 1634579353
    print(signature(secret, body, nonce, timestamp), str(valid_callback(secret, body, headers, sent + 30)).lower(),
          str(valid_callback(secret, body, headers, sent + 3600)).lower())
