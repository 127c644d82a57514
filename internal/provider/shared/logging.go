package shared

import (
	"context"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// sensitiveFieldKeys are log fields whose values are masked wherever they appear.
var sensitiveFieldKeys = []string{
	"hmac_secret", "hmac_secret_wo", "key_secret", "access_token", "token", "authorization", "Authorization",
}

// maskSecrets returns a context whose log entries mask the sensitive fields and every occurrence of
// the given values. The provider logs no secret to begin with: this guards against a mistake.
func maskSecrets(ctx context.Context, secrets ...string) context.Context {
	ctx = tflog.MaskFieldValuesWithFieldKeys(ctx, sensitiveFieldKeys...)
	var values []string
	for _, s := range secrets {
		if s != "" {
			values = append(values, s)
		}
	}
	if len(values) > 0 {
		ctx = tflog.MaskAllFieldValuesStrings(ctx, values...)
		ctx = tflog.MaskMessageStrings(ctx, values...)
	}
	return ctx
}

// LogToTflog hands the client's log entries to tflog at debug, with the masks of the operation's
// context (ProviderData.LogContext).
func LogToTflog(ctx context.Context, msg string, fields map[string]any) {
	tflog.Debug(ctx, msg, fields)
}
