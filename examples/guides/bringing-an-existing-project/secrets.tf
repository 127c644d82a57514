# Step 3: the secrets Sinch holds, which generated.tf gives the resources in write-only form (never in
# the plan or the state), each from an ephemeral variable (TF_VAR_..., or -var), as it would come from an
# ephemeral resource of a secret store.

variable "sender_id_callback_secret" {
  description = "The project's HMAC secret in the Sender ID Registrations API."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "brands_callback_secret" {
  description = "The project's HMAC secret in the Brands API."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "numbers_callback_secret" {
  description = "The project's HMAC secret in the Numbers API."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "imported_numbers_callback_secret" {
  description = "The project's HMAC secret in the Imported Numbers and Hosting Orders API."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "app_callback_secret" {
  description = "The app's secret for overridden callback URLs."
  type        = string
  sensitive   = true
  ephemeral   = true
}

variable "webhook_secret" {
  description = "The secret of the app's webhook."
  type        = string
  sensitive   = true
  ephemeral   = true
}
