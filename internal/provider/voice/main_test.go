package voice_test

import (
	"os"
	"testing"

	"github.com/terraform-sinch/terraform-provider-sinch/internal/acctest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	acctest.Cleanup()
	os.Exit(code)
}
