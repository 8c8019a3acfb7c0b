// This page only: an IndexedDB database (declared "session": duration-mismatch) and a
// session cookie declared as lasting a year (duration-mismatch).
(function () {
  var request = indexedDB.open("offline-cache", 1);
  request.onupgradeneeded = function () { request.result.createObjectStore("pages"); };
  request.onsuccess = function () { request.result.close(); };
  document.cookie = "visit_count=1; path=/; SameSite=Lax";
  // Only here: the audit's next visitor on another page must not see it.
  sessionStorage.setItem("storage_tab", "1");
})();
