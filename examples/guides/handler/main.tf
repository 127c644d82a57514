# Stands for the deployment of a callback handler in the rotation guide: it puts the secrets it is given
# where the handler reads them, such as a secret store with a write-only argument, for example:
#
#   resource "aws_secretsmanager_secret_version" "callback_secrets" {
#     secret_id                = var.secret_id
#     secret_string_wo         = jsonencode(var.accepted_secrets)
#     secret_string_wo_version = var.revision
#   }
variable "accepted_secrets" {
  description = "The secrets the handler accepts, newest first."
  type        = list(string)
  sensitive   = true
  ephemeral   = true
}

variable "revision" {
  description = "A number that changes whenever accepted_secrets does, for a write-only argument's version."
  type        = number
  default     = null
}
