// A consent stub: a banner with accept and reject buttons, the choice kept in a cookie.
(function () {
  function choice() {
    var found = document.cookie.match(/(?:^|; )consent=([^;]*)/);
    return found ? found[1] : null;
  }
  window.fixtureConsent = choice;
  function decide(value) {
    document.cookie = "consent=" + value + "; max-age=" + 365 * 86400 + "; path=/; SameSite=Lax";
    var banner = document.getElementById("consent-banner");
    if (banner) banner.remove();
  }
  function show() {
    var banner = document.createElement("div");
    banner.id = "consent-banner";
    banner.innerHTML =
      '<p>This site would like to measure its audience.</p>' +
      '<button type="button" id="consent-accept">Accept</button> ' +
      '<button type="button" id="consent-reject">Reject</button>';
    document.body.appendChild(banner);
    document.getElementById("consent-accept").onclick = function () { decide("accept"); };
    document.getElementById("consent-reject").onclick = function () { decide("reject"); };
  }
  document.addEventListener("DOMContentLoaded", function () {
    if (!choice()) show();
  });
})();
