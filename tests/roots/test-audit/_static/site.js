// The site's own storage, on every page.
(function () {
  var day = 86400;
  // Declared and right: a session cookie, a 30-day preference, a session storage key.
  document.cookie = "sessionid=s1; path=/; SameSite=Lax";
  document.cookie = "lang=en; max-age=" + 30 * day + "; path=/; SameSite=Lax";
  sessionStorage.setItem("scroll", "0");
  // Declared for 6 months, kept 400 days (the longest Chromium keeps): duration-mismatch.
  document.cookie = "theme=dark; max-age=" + 400 * day + "; path=/; SameSite=Lax";
  // Declared as a cookie, kept in local storage: storage-mismatch.
  localStorage.setItem("sidebar", "open");
  // Not declared at all: one the Open Cookie Database knows, one it does not.
  document.cookie = "_gid=GA1.1.42; max-age=" + day + "; path=/; SameSite=Lax";
  localStorage.setItem("fixture_unknown", "1");
  // Statistics, which need consent, written before any choice: set-before-consent.
  document.cookie = "_ga=GA1.1.42; max-age=" + 390 * day + "; path=/; SameSite=Lax";
  var consent = window.fixtureConsent ? window.fixtureConsent() : null;
  if (consent === "accept") {
    // Gated as it should be: only after the visitor agreed.
    document.cookie = "_pk_id.1.fx=abc; max-age=" + 390 * day + "; path=/; SameSite=Lax";
  }
  if (consent === "reject") {
    // A bug: a marketing cookie written when the visitor refused: set-after-reject.
    document.cookie = "ad_seen=1; max-age=" + 30 * day + "; path=/; SameSite=Lax";
  }
})();
