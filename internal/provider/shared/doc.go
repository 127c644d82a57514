// Package shared is what every family of the provider's types uses (the callback configurations, the
// webhooks, and the families to come): the data that Configure hands to the types (ProviderData), the
// views through which they read plans and states (View), the write-only secret logic (SecretArgument,
// its rules and its digest), the diagnostics of failed calls, identity and import, logging, the counts of
// a run's plans, and the checks of values that more than one family takes.
package shared
