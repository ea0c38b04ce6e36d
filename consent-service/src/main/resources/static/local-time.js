// Optional: shows each server-rendered UTC time (<time datetime="..." title="... UTC">) in the reader's time zone.
// The pages work without it; the UTC time stays in the title (on hover).
(function () {
  'use strict';
  function localise() {
    if (typeof Intl === 'undefined' || !Intl.DateTimeFormat) { return; }
    var fmt = new Intl.DateTimeFormat(undefined, {
      year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short'
    });
    var times = document.querySelectorAll('time[datetime]');
    for (var i = 0; i < times.length; i++) {
      var t = times[i];
      var d = new Date(t.getAttribute('datetime'));
      if (isNaN(d.getTime())) { continue; }
      if (!t.title) { t.title = t.textContent; }
      t.textContent = fmt.format(d);
      t.setAttribute('data-localised', 'true');
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', localise);
  } else {
    localise();
  }
})();
