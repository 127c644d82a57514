# Verifying X-Sinch-Signature in a Python handler: HMAC-SHA1 of the raw body, lowercase hex, compared
# in constant time. Run it with `python3 verify.py`: it prints the signature of the guide's example.
import hashlib
import hmac


def valid_signature(secret: str, body: bytes, header: str) -> bool:
    """Whether header is the X-Sinch-Signature of the raw body under secret."""
    want = hmac.new(secret.encode("utf-8"), body, hashlib.sha1).hexdigest()
    return hmac.compare_digest(want, header or "")


# In a Flask view, sign request.get_data() (the raw bytes), never the parsed JSON:
#     if not valid_signature(SECRET, request.get_data(), request.headers.get("X-Sinch-Signature")):
#         abort(401)

if __name__ == "__main__":
    secret = "d1c7ccbf-919d-462f-8587-dec95a1b11ee"
    body = b'{"eventId":"e1","status":"SUCCEEDED"}'
    signature = hmac.new(secret.encode("utf-8"), body, hashlib.sha1).hexdigest()
    print(signature, str(valid_signature(secret, body, signature)).lower())
