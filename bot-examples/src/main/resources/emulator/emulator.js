// OLBot emulator page: renders /api/state, posts actions to /api/<action>, refreshes on server-sent events.
(function () {
  'use strict';
  var current = 0;
  var model = null;
  var shownTimeline = 0;
  var $ = function (id) { return document.getElementById(id); };

  function esc(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  // BB-code as Bitrix24 chats show it: [b] [i] [u] [s] [br] [url] [send] [put] [user] [chat]; everything escaped first
  function bb(text) {
    var h = esc(text);
    h = h.replace(/\[br\]/gi, '\n');
    h = h.replace(/\[(b|i|u|s)\]([\s\S]*?)\[\/\1\]/gi, '<$1>$2</$1>');
    h = h.replace(/\[url=([^\]\s]+)\]([\s\S]*?)\[\/url\]/gi, function (m, href, label) {
      return /^https?:/i.test(href) ? '<a href="' + href + '" target="_blank" rel="noopener">' + label + '</a>' : label;
    });
    h = h.replace(/\[url\]([\s\S]*?)\[\/url\]/gi, function (m, href) {
      return /^https?:/i.test(href) ? '<a href="' + href + '" target="_blank" rel="noopener">' + href + '</a>' : href;
    });
    h = h.replace(/\[(send|put)(=[^\]]*)?\]([\s\S]*?)\[\/\1\]/gi, function (m, kind, value, label) {
      var v = value ? value.substring(1) : label;
      return '<span class="send" data-send="' + v + '">' + label + '</span>';
    });
    h = h.replace(/\[(user|chat)=[^\]]*\]([\s\S]*?)\[\/\1\]/gi, '<b>$2</b>');
    h = h.replace(/&amp;#91;/g, '[').replace(/&amp;#93;/g, ']');
    return h;
  }

  function post(action, body) {
    body = body || {};
    body.dialog = current;
    return fetch('/api/' + action, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
      .then(function (r) { $('error').textContent = r.ok ? '' : r.body.error; return refresh(); });
  }

  function refresh() {
    return fetch('/api/state').then(function (r) { return r.json(); }).then(render);
  }

  function message(item, forOperator) {
    if (item.role === 'system') {
      return '<div class="system">' + esc(item.text) + '</div>';
    }
    var cls = item.operatorOnly ? 'note' : item.role;
    var who = item.role === 'client' ? 'client' : item.role === 'operator' ? 'operator'
      : item.operatorOnly ? 'bot — note for the operator' : 'bot';
    var h = '<div class="msg ' + cls + '"><span class="who">' + who + '</span>' + bb(item.text);
    if (item.attach) {
      h += '<div class="attach">' + esc(JSON.stringify(item.attach)) + '</div>';
    }
    if (!forOperator && item.buttons && item.buttons.length) {
      h += '<div class="kb">' + item.buttons.map(function (b, i) {
        return '<button class="kb-button" data-button="' + (i + 1) + '">' + esc(b) + '</button>';
      }).join('') + '</div>';
    }
    return h + '</div>';
  }

  // replaces an element's content only when it changed, so a button under the pointer stays the same element
  function put(id, html) {
    var el = $(id);
    if (el.dataset.html !== html) {
      el.dataset.html = html;
      el.innerHTML = html;
      return true;
    }
    return false;
  }

  function render(m) {
    model = m;
    $('bot').textContent = m.bot;
    $('clock').textContent = m.clock.replace('T', ' ').replace('Z', ' UTC');
    $('operator-id').textContent = m.operatorId;
    if (current >= m.dialogs.length) { current = 0; }
    put('tabs', m.dialogs.map(function (d) {
      return '<button class="tab' + (d.index === current ? ' active' : '') + '" data-dialog="' + d.index + '">'
        + esc(d.name) + (d.dialogId ? ' · ' + esc(d.dialogId) : '') + '</button>';
    }).join(''));
    var d = m.dialogs[current];
    if (put('client-chat', d.items.filter(function (i) { return !i.operatorOnly; })
      .map(function (i) { return message(i, false); }).join(''))) {
      $('client-chat').scrollTop = $('client-chat').scrollHeight;
    }
    if (put('operator-chat', d.items.map(function (i) { return message(i, true); }).join(''))) {
      $('operator-chat').scrollTop = $('operator-chat').scrollHeight;
    }
    $('typing').textContent = d.typing ? 'the bot is typing…' : '';
    put('queue', m.dialogs.filter(function (x) { return x.owner === 'QUEUE'; }).map(function (x) {
      return '<li><a href="#" data-dialog="' + x.index + '">' + esc(x.name) + ' (' + esc(x.dialogId) + ')</a></li>';
    }).join('') || '<li>empty</li>');
    var state = { owner: d.owner, dialog: d.dialogId || '(not started)', line: d.lineId, session: d.sessionId, operator: d.operatorId };
    if (d.state) { state.bot = d.state; }
    $('state').textContent = JSON.stringify(state, null, 1);
    $('save-scenario').href = '/api/scenario?dialog=' + current;
    $('save-scenario').setAttribute('download', 'emulator-dialog-' + (current + 1) + '.convo');
    renderTimeline(m.timeline);
  }

  function renderTimeline(entries) {
    var list = $('timeline');
    for (; shownTimeline < entries.length; shownTimeline++) {
      var e = entries[shownTimeline];
      var li = document.createElement('li');
      var failed = e.kind === 'call' ? (e.status !== 200 || e.error) : e.status !== 200;
      li.className = e.kind + (failed ? ' failed' : '');
      var summary = (e.kind === 'event' ? 'event ' : 'call ' + (e.by === 'operator' ? '[operator] ' : '')) + e.name + ' → HTTP ' + e.status + (e.error ? ' ' + e.error : '')
        + (e.bucket ? '  bucket ' + e.bucket : '') + (e.batchCommand ? '  (batch command ' + e.batchCommand + ')' : '');
      var details = '<details><summary>' + esc(summary) + '</summary>'
        + '<pre>request ' + esc(JSON.stringify(e.request, null, 1)) + '</pre>'
        + (e.kind === 'call' ? '<pre>response ' + esc(JSON.stringify(e.response, null, 1)) + '</pre>' : '')
        + '</details>';
      li.innerHTML = details;
      li.dataset.text = (summary + ' ' + JSON.stringify(e.request)).toLowerCase();
      list.appendChild(li);
    }
    applyFilter();
  }

  function applyFilter() {
    var f = $('filter').value.toLowerCase();
    var ev = $('show-events').checked;
    var calls = $('show-calls').checked;
    Array.prototype.forEach.call($('timeline').children, function (li) {
      var kindOk = li.classList.contains('event') ? ev : calls;
      li.style.display = kindOk && (!f || li.dataset.text.indexOf(f) >= 0) ? '' : 'none';
    });
  }

  document.addEventListener('click', function (ev) {
    var t = ev.target;
    if (t.dataset.dialog !== undefined) {
      ev.preventDefault();
      current = parseInt(t.dataset.dialog, 10);
      render(model);
    } else if (t.classList.contains('kb-button')) {
      post('press', { button: parseInt(t.dataset.button, 10) });
    } else if (t.dataset.send !== undefined && t.classList.contains('send')) {
      post('say', { text: t.dataset.send });
    } else if (t.dataset.wait) {
      post('wait', { text: t.dataset.wait });
    } else if (t.dataset.jump) {
      post('jump', { text: t.dataset.jump });
    }
  });
  $('new-client').onclick = function () {
    post('client').then(function () { current = model.dialogs.length - 1; render(model); });
  };
  $('client-form').onsubmit = function (ev) {
    ev.preventDefault();
    var text = $('client-input').value;
    $('client-input').value = '';
    post('say', { text: text });
  };
  $('operator-form').onsubmit = function (ev) {
    ev.preventDefault();
    var text = $('operator-input').value;
    $('operator-input').value = '';
    post('write', { text: text });
  };
  $('op-accept').onclick = function () { post('accept'); };
  $('op-handback').onclick = function () { post('handback'); };
  $('op-finish').onclick = function () { post('finish'); };
  $('op-transfer-user').onclick = function () { post('transfer', { user: parseInt($('op-user').value, 10) || 0 }); };
  $('op-transfer-line').onclick = function () { post('transfer', { line: parseInt($('op-line').value, 10) || 0 }); };
  $('filter').oninput = applyFilter;
  $('show-events').onchange = applyFilter;
  $('show-calls').onchange = applyFilter;

  var live = new EventSource('/api/live');
  live.addEventListener('changed', function () { refresh(); });
  refresh();
})();
