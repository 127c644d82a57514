// Verifying x-sinch-webhook-signature in a Node.js handler of Conversation API callbacks: base64
// HMAC-SHA256 of "<raw body>.<nonce>.<timestamp>", compared in constant time, and a timestamp no older
// than five minutes, so that a captured callback cannot be replayed. `node verify.js` signs the guide's
// example and checks it at two times: just after it was sent, and an hour later.
const crypto = require("node:crypto");

const MAX_AGE_SECONDS = 5 * 60;

// The x-sinch-webhook-signature of a callback whose raw body is a Buffer.
function signature(secret, body, nonce, timestamp) {
  return crypto.createHmac("sha256", secret).update(Buffer.concat([body, Buffer.from(`.${nonce}.${timestamp}`)])).digest("base64");
}

// Whether a callback (raw body, headers in lowercase) was signed with secret and is recent at now
// (seconds since the epoch).
function validCallback(secret, body, headers, now) {
  const nonce = headers["x-sinch-webhook-signature-nonce"] || "";
  const timestamp = headers["x-sinch-webhook-signature-timestamp"] || "";
  if (!/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp)) > MAX_AGE_SECONDS) return false;
  const want = Buffer.from(signature(secret, body, nonce, timestamp));
  const got = Buffer.from(headers["x-sinch-webhook-signature"] || "");
  return want.length === got.length && crypto.timingSafeEqual(want, got);
}

// With Express, keep the raw body: app.post("/callbacks", express.raw({ type: "*/*" }), (req, res) => {
//   if (!validCallback(SECRET, req.body, req.headers, Date.now() / 1000)) return res.sendStatus(401); ... });

const secret = "d1c7ccbf-919d-462f-8587-dec95a1b11ee";
const body = Buffer.from('{"app_id":"01E","message":{"text":"hello"}}');
const [nonce, timestamp] = ["01FJA8B4A7BM43YGWSG9GBV067", "1634579353"];
const headers = {
  "x-sinch-webhook-signature": signature(secret, body, nonce, timestamp),
  "x-sinch-webhook-signature-nonce": nonce,
  "x-sinch-webhook-signature-timestamp": timestamp,
};
const sent = 1634579353;
console.log(signature(secret, body, nonce, timestamp), validCallback(secret, body, headers, sent + 30), validCallback(secret, body, headers, sent + 3600));
