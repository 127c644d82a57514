package sinchmock

import (
	"cmp"
	crand "crypto/rand"
	"encoding/base64"
	"fmt"
	"net/http"
	"strconv"
)

// provisioningCursor is where a page token points, in one project: after a webhook (the next page) or
// before one (the previous page). It points at the webhook's place in the order, not at a position, so
// that a webhook made or deleted between two pages neither repeats nor hides another.
type provisioningCursor struct {
	projectID  string
	target, id string
	before     bool
}

// compare places a webhook in the list's order relative to the cursor's.
func (c provisioningCursor) compare(hook *ProvisioningWebhook) int {
	return cmp.Or(cmp.Compare(hook.Target, c.target), cmp.Compare(hook.ID, c.id))
}

// ExpireProvisioningPageTokens makes every page token answered so far stale: a list that sends one gets
// 400, as a token Sinch no longer knows would.
func (s *Server) ExpireProvisioningPageTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	clear(s.provisioningPageTokens)
}

// listProvisioningWebhooks answers a page of a project's webhooks, by target: the first without
// pageToken, else the page after (or before) the one that gave the token.
func (s *Server) listProvisioningWebhooks(_ API, w http.ResponseWriter, r *http.Request) {
	projectID, query := r.PathValue("projectId"), r.URL.Query()
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.projects[projectID]; !ok {
		writeProvisioningError(w, provisioningProjectNotFound(projectID))
		return
	}
	size := s.opts.ProvisioningPageSize
	if value := query.Get("pageSize"); value != "" {
		n, err := strconv.Atoi(value)
		if err != nil || n < 1 || n > MaxProvisioningPageSize {
			writeProvisioningError(w, &ProvisioningError{Status: http.StatusBadRequest, ErrorCode: ProvisioningInvalidPageSize,
				Message:               fmt.Sprintf("pageSize must be a number from 1 to %d.", MaxProvisioningPageSize),
				Resolution:            fmt.Sprintf("Send a pageSize from 1 to %d, or none.", MaxProvisioningPageSize),
				AdditionalInformation: map[string]any{"pageSize": value}})
			return
		}
		// A server may answer fewer than asked: the mock's page size is the most a page holds, so that a
		// client that asks for 15 still meets several pages.
		size = min(n, s.opts.ProvisioningPageSize)
	}
	hooks := s.provisioningWebhooksOf(projectID)
	start, end := 0, min(size, len(hooks))
	if token := query.Get("pageToken"); token != "" {
		cursor, ok := s.provisioningPageTokens[token]
		if !ok || cursor.projectID != projectID {
			writeProvisioningError(w, &ProvisioningError{Status: http.StatusBadRequest, ErrorCode: ProvisioningInvalidPageToken,
				Message:    "The page token is not valid, or has expired.",
				Resolution: "List again without pageToken, and use the page tokens of that list."})
			return
		}
		// The first webhook at or after the cursor's place (after it: past it, for the next page).
		first := len(hooks)
		for i, hook := range hooks {
			if c := cursor.compare(hook); c > 0 || c == 0 && cursor.before {
				first = i
				break
			}
		}
		if cursor.before {
			start, end = max(0, first-size), first
		} else {
			start, end = first, min(first+size, len(hooks))
		}
	}
	page := []map[string]any{}
	for _, hook := range hooks[start:end] {
		page = append(page, hook.answer())
	}
	answer := map[string]any{"totalSize": len(hooks), "pageSize": size, "webhooks": page}
	if end < len(hooks) && end > start {
		last := hooks[end-1]
		answer["nextPageToken"] = s.newPageToken(provisioningCursor{projectID: projectID, target: last.Target, id: last.ID})
	}
	if start > 0 && end > start {
		first := hooks[start]
		answer["previousPageToken"] = s.newPageToken(provisioningCursor{projectID: projectID, target: first.Target, id: first.ID, before: true})
	}
	writeJSON(w, http.StatusOK, answer)
}

// newPageToken remembers a cursor under a new opaque token; the caller holds s.mu.
func (s *Server) newPageToken(cursor provisioningCursor) string {
	b := make([]byte, 18)
	_, _ = crand.Read(b)
	token := base64.RawURLEncoding.EncodeToString(b)
	s.provisioningPageTokens[token] = cursor
	return token
}
