// Embed the partner widget from the other loopback site (localhost <-> 127.0.0.1).
(function () {
  var other = location.hostname === "127.0.0.1" ? "localhost" : "127.0.0.1";
  var folder = location.pathname.replace(/[^/]*$/, "");
  var frame = document.createElement("iframe");
  frame.title = "Partner widget";
  frame.src = location.protocol + "//" + other + ":" + location.port + folder + "_static/partner.html";
  document.getElementById("partner").appendChild(frame);
})();
