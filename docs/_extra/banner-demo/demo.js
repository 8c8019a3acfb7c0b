// The demo pages' own script: it writes the cookies that a site's scripts would write,
// shows the cookies the page can read, and starts the banner (cookieconsent needs to be
// started; Klaro starts itself from window.klaroConfig).
(function () {
  "use strict";
  // One cookie for each declared name or family of names of banner-demo.yaml.
  var examples = ["demo_lang=fr", "_da_id.5f2c=1", "_da_ses.5f2c=1", "_dm_campaign=spring"];

  function write() {
    examples.forEach(function (cookie) {
      document.cookie = cookie + "; path=/; max-age=3600; SameSite=Lax";
    });
    show();
  }

  function show() {
    var jar = document.getElementById("jar");
    var names = document.cookie ? document.cookie.split("; ").map(function (pair) {
      return pair.split("=")[0];
    }) : [];
    names.sort();
    var text = names.join("\n");
    var chosen = choice();
    document.getElementById("choice").textContent = chosen
      ? "Accepted: " + chosen.join(", ") + "."
      : "No choice made yet.";
    if (jar.getAttribute("data-names") === text) {
      return;
    }
    jar.setAttribute("data-names", text);
    jar.textContent = "";
    names.forEach(function (name) {
      var item = document.createElement("li");
      var code = document.createElement("code");
      code.textContent = name;
      item.appendChild(code);
      jar.appendChild(item);
    });
    if (!names.length) {
      jar.appendChild(document.createElement("li")).textContent = "(none)";
    }
  }

  // What the visitor chose, as each banner tells it.
  function choice() {
    if (window.CookieConsent && window.CookieConsent.validConsent()) {
      return window.CookieConsent.getUserPreferences().acceptedCategories;
    }
    if (window.klaro && window.klaroConfig) {
      var manager = window.klaro.getManager();
      if (manager.confirmed) {
        // Klaro asks service by service; each service has one purpose, its category.
        var accepted = [];
        window.klaroConfig.services.forEach(function (service) {
          var category = service.purposes[0];
          if (manager.getConsent(service.name) && accepted.indexOf(category) < 0) {
            accepted.push(category);
          }
        });
        return accepted;
      }
    }
    return null;
  }

  function forget() {
    document.cookie.split("; ").forEach(function (pair) {
      var name = pair.split("=")[0];
      document.cookie = name + "=; path=/; max-age=0";
      document.cookie = name + "=; path=/; max-age=0; domain=" + location.hostname;
    });
    location.reload();
  }

  document.getElementById("write").addEventListener("click", write);
  document.getElementById("forget").addEventListener("click", forget);
  if (window.CookieConsent && window.cookiecharter && window.cookiecharter.cookieconsent) {
    window.CookieConsent.run(window.cookiecharter.cookieconsent);
  } else if (window.klaro) {
    document.getElementById("cookie-settings").addEventListener("click", function () {
      window.klaro.show();
    });
  }
  show();
  // The banners delete cookies on their own schedule: look again a few times a second.
  window.setInterval(show, 250);
})();
