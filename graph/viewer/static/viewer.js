// Parley viewer. The page works without this script; it adds name
// suggestions to the search box and shows a clicked node's details without
// reloading the drawing (the URL still changes, so a view can be shared).
(function () {
  'use strict';

  var form = document.getElementById('search');
  var input = document.getElementById('q');
  var list = document.getElementById('suggestions');
  var items = [];   // current suggestions
  var active = -1;  // highlighted suggestion
  var timer = 0;
  var seq = 0;      // answers to older requests are dropped

  function hide() {
    list.hidden = true;
    list.textContent = '';
    items = [];
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function highlight(i) {
    active = i;
    Array.prototype.forEach.call(list.children, function (li, j) {
      li.setAttribute('aria-selected', j === i ? 'true' : 'false');
    });
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', 'suggestion-' + i);
    }
  }

  function choose(item) {
    input.value = item.name;
    hide();
    form.submit();
  }

  function show(data) {
    hide();
    items = Array.isArray(data) ? data : [];
    if (!items.length) {
      return;
    }
    items.forEach(function (item, i) {
      var li = document.createElement('li');
      li.id = 'suggestion-' + i;
      li.setAttribute('role', 'option');
      li.dataset.id = item.id;
      var name = document.createElement('span');
      name.className = 'name';
      name.textContent = item.name;
      var type = document.createElement('span');
      type.className = 'type';
      type.textContent = (item.alias ? item.alias + ' · ' : '') + item.type.toLowerCase();
      li.appendChild(name);
      li.appendChild(type);
      // mousedown would blur the input and hide the list before the click
      li.addEventListener('mousedown', function (e) { e.preventDefault(); });
      li.addEventListener('click', function () { choose(item); });
      list.appendChild(li);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function suggest() {
    var v = input.value.trim();
    var my = ++seq;
    if (!v) {
      hide();
      return;
    }
    fetch('/api/suggest?q=' + encodeURIComponent(input.value))
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (data) { if (my === seq) { show(data); } })
      .catch(hide);
  }

  if (form && input && list) {
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(suggest, 100);
    });
    input.addEventListener('keydown', function (e) {
      if (list.hidden) {
        return;
      }
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        var n = items.length;
        highlight(e.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n);
      } else if (e.key === 'Enter' && active >= 0) {
        e.preventDefault();
        choose(items[active]);
      } else if (e.key === 'Escape') {
        hide();
      }
    });
    input.addEventListener('blur', function () { setTimeout(hide, 150); });
  }

  // Details in place: a link of class "nav" points to the same drawing with
  // another node selected; fetch that page and take its details panel.
  function select(id) {
    document.querySelectorAll('#graph .node').forEach(function (a) {
      a.classList.toggle('selected', a.dataset.id === id);
    });
  }

  function openDetails(href, push) {
    return fetch(href, { headers: { Accept: 'text/html' } })
      .then(function (r) {
        if (!r.ok) {
          throw new Error(r.status);
        }
        return r.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var fresh = doc.getElementById('details');
        var cur = document.getElementById('details');
        if (!fresh || !cur) {
          throw new Error('no details');
        }
        cur.replaceWith(document.adoptNode(fresh));
        select(fresh.dataset.selected);
        document.title = doc.title;
        if (push) {
          history.pushState({ href: href }, '', href);
        }
      })
      .catch(function () { location.href = href; });
  }

  document.addEventListener('click', function (e) {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) {
      return;
    }
    var a = e.target.closest && e.target.closest('a.nav');
    if (!a || !document.getElementById('graph')) {
      return;
    }
    var href = a.getAttribute('href'); // an SVG <a> has no string .href
    var to = new URL(href, location.href);
    // only a change of the selected node within the same drawing
    if (to.pathname !== '/' || to.searchParams.get('q') !== new URL(location.href).searchParams.get('q') ||
        to.searchParams.get('depth') !== new URL(location.href).searchParams.get('depth')) {
      return;
    }
    e.preventDefault();
    openDetails(href, true);
  });

  window.addEventListener('popstate', function () {
    openDetails(location.href, false);
  });
})();
