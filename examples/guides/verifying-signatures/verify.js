// Verifying X-Sinch-Signature in a Node.js handler: HMAC-SHA1 of the raw body, lowercase hex, compared
// in constant time. Run it with `node verify.js`: it prints the signature of the guide's example.
const crypto = require("node:crypto");

// Whether header is the X-Sinch-Signature of the raw body (a Buffer) under secret.
function validSignature(secret, body, header) {
  const want = Buffer.from(crypto.createHmac("sha1", secret).update(body).digest("hex"));
  const got = Buffer.from(header || "");
  return want.length === got.length && crypto.timingSafeEqual(want, got);
}

// With Express, keep the raw body: app.post("/callbacks", express.raw({ type: "*/*" }), (req, res) => {
//   if (!validSignature(SECRET, req.body, req.get("X-Sinch-Signature"))) return res.sendStatus(401);
//   const event = JSON.parse(req.body); ... });

const secret = "d1c7ccbf-919d-462f-8587-dec95a1b11ee";
const body = Buffer.from('{"eventId":"e1","status":"SUCCEEDED"}');
const signature = crypto.createHmac("sha1", secret).update(body).digest("hex");
console.log(signature, validSignature(secret, body, signature));
