/* The timeline page. Served by `timeline serve`, it reads the JSON API under
 * api/; written by `--format html`, it reads the same data inlined in the page
 * (script#timeline-data) and fetches nothing. Events are drawn on a
 * vis-timeline axis, one element per event carrying data-event-id; a dyad's
 * tension is drawn as SVG bars, one per period. No build step: plain ES2019. */
(function () {
  'use strict';

  var PAGE_SIZE = 1000; // events drawn at once; the pager moves beyond
  var FILTERS = ['from', 'to', 'within', 'actor', 'cameo', 'doc', 'text'];
  var DAY = 86400000;
  var QUAD = { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict' };

  var inline = document.getElementById('timeline-data');
  var STATIC = inline ? JSON.parse(inline.textContent) : null;
  var $ = function (sel) { return document.querySelector(sel); };
  var body = document.body;

  // ---- state, kept in the URL (the query string when served, the fragment in
  // a file, where the query string is not ours to change)

  var state = readState();

  function readState() {
    var q = new URLSearchParams(STATIC ? location.hash.slice(1) : location.search);
    var s = {};
    FILTERS.forEach(function (k) { s[k] = q.get(k) || ''; });
    s.lanes = q.get('lanes') || 'dyad';
    s.dyad = q.get('dyad') || '';
    s.period = q.get('period') === 'week' ? 'week' : 'month';
    s.page = Math.max(0, parseInt(q.get('page') || '0', 10) || 0);
    s.event = q.get('event') || '';
    return s;
  }

  function stateQuery() {
    var q = new URLSearchParams();
    FILTERS.forEach(function (k) { if (state[k]) q.set(k, state[k]); });
    if (state.lanes !== 'dyad') q.set('lanes', state.lanes);
    if (state.dyad) q.set('dyad', state.dyad);
    if (state.period !== 'month') q.set('period', state.period);
    if (state.page) q.set('page', String(state.page));
    if (state.event) q.set('event', state.event);
    return q.toString();
  }

  function saveState(push) {
    var q = stateQuery();
    if (STATIC) {
      var hash = q ? '#' + q : '';
      if (location.hash !== hash) history.replaceState(null, '', location.pathname + hash);
      return;
    }
    var url = location.pathname + (q ? '?' + q : '');
    if (url === location.pathname + location.search) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  // ---- data: the API, or the inlined export

  function filterQuery() {
    var q = new URLSearchParams();
    FILTERS.forEach(function (k) { if (state[k]) q.set(k, state[k]); });
    return q;
  }

  function getJSON(path, q) {
    var url = 'api/' + path + (q && q.toString() ? '?' + q.toString() : '');
    return fetch(url).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (data) {
        if (!r.ok) throw new Error((data && data.error) || r.status + ' ' + r.statusText);
        return data;
      });
    });
  }

  var source = STATIC ? {
    events: function (offset, limit) {
      var all = STATIC.events;
      return Promise.resolve({ total: all.events.length, offset: offset, limit: limit,
        documents: all.documents, events: all.events.slice(offset, offset + limit) });
    },
    dyads: function () { return Promise.resolve(STATIC.dyads); },
    tension: function (dyad, period) {
      var t = STATIC.tension[dyad] || {};
      return Promise.resolve({ dyad: dyad, period: period, bars: t[period] || [] });
    },
    doc: function () { return Promise.resolve(null); }
  } : {
    events: function (offset, limit) {
      var q = filterQuery();
      q.set('offset', String(offset));
      q.set('limit', String(limit));
      return getJSON('events', q);
    },
    dyads: function () { return getJSON('dyads', filterQuery()); },
    tension: function (dyad, period) {
      var q = filterQuery();
      q.set('dyad', dyad);
      q.set('period', period);
      return getJSON('tension', q);
    },
    doc: function (id) { return getJSON('docs/' + encodeURIComponent(id)); }
  };

  // ---- dates: days are UTC midnights; the axis is drawn in UTC too

  function day(s) {
    if (!s) return null;
    var p = s.split('-');
    return new Date(Date.UTC(+p[0], +p[1] - 1, +p[2]));
  }
  function addDays(d, n) { return new Date(d.getTime() + n * DAY); }
  function fmtDay(d) { return d.toISOString().slice(0, 10); }

  function dateRange(ev) {
    var a = ev.earliest, b = ev.latest;
    if (!a && !b) return 'undated';
    if (a === b) return a;
    return (a || '…') + ' – ' + (b || '…');
  }

  // ---- words

  function actorName(a) { return a ? (a.name || a.code || '') : ''; }
  function actorLabel(a) {
    if (!a) return '—';
    return a.code && a.name ? a.name + ' (' + a.code + ')' : (a.name || a.code);
  }
  function headline(ev) {
    if (!ev.cameo) return (ev.trigger && ev.trigger.text) || 'Context';
    var src = actorName(ev.source), tgt = actorName(ev.target), who = '';
    if (src && tgt) who = src + ' → ' + tgt;
    else if (src) who = src;
    else if (tgt) who = '→ ' + tgt;
    return (who ? who + ': ' : '') + (ev.cameo_name || ev.cameo);
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = text;
    return e;
  }
  function fmtScore(x) { return (x > 0 ? '+' : '') + (Math.round(x * 10) / 10); }

  // ---- the timeline

  var items = new vis.DataSet();
  var groups = new vis.DataSet();
  var timeline = new vis.Timeline($('#timeline'), items, {
    orientation: 'top',
    stack: true,
    selectable: true,
    multiselect: true,
    showCurrentTime: false, // nothing here reads the clock
    // No height limit: vis-timeline draws only the lanes inside its own
    // viewport, and every event of the page must be in the DOM.
    zoomMin: 2 * DAY,
    margin: { item: { horizontal: 2, vertical: 4 }, axis: 6 },
    moment: function (d) { return vis.moment(d).utc(); },
    groupOrder: 'order',
    template: function (item) {
      if (!item || !item.ev) return '';
      var span = el('span', { 'class': 'ev', 'data-event-id': item.ev.id }, headline(item.ev));
      return span;
    }
  });

  var current = { events: [], byId: {}, docs: {}, total: 0, dyads: [], tension: null };

  // For tests and users' scripts: the vis-timeline instance, its items, and
  // readyAt (performance.now() when the page last finished drawing).
  window.timelinePage = { timeline: timeline, items: items, readyAt: null };

  function laneOf(ev) {
    if (state.lanes === 'actor') {
      var a = ev.source || ev.target;
      if (!a) return { key: '~', label: '(no actor)' };
      return { key: 'a:' + (a.code || '') + ':' + (a.code ? '' : a.name), label: actorLabel(a) };
    }
    if (!ev.dyad) return { key: '~', label: '(no dyad)' };
    var d = current.dyads.filter(function (x) { return x.dyad === ev.dyad; })[0];
    return { key: 'd:' + ev.dyad, label: d ? d.a.name + ' – ' + d.b.name : ev.dyad };
  }

  // itemOf returns the timeline item of a dated event: a point for one day, a
  // bar for a range, and for an open bound a bar that fades out towards it,
  // reaching as far as the dates shown do, up to an eighth of their span (a
  // month at least): far enough to read as open, not so far as to hide the rest.
  function itemOf(ev, lo, hi) {
    var e = day(ev.earliest), l = day(ev.latest);
    var cls = ['q' + (ev.quad_class || 0), 'st-' + ev.status];
    var item = { id: ev.id, ev: ev, title: dateRange(ev) + ' · ' + headline(ev) + ' — ' + ev.sentence.text };
    var reach = function (room) { return Math.max(30 * DAY, Math.min(room, (hi - lo) / 8)); };
    if (e && l && e.getTime() === l.getTime()) {
      item.type = 'point';
      item.start = e;
    } else if (e && l) {
      item.type = 'range';
      item.start = e;
      item.end = addDays(l, 1);
    } else if (e) {
      item.type = 'range';
      item.start = e;
      item.end = new Date(e.getTime() + reach(hi - e));
      cls.push('open-end');
    } else {
      item.type = 'range';
      item.end = addDays(l, 1);
      item.start = new Date(item.end.getTime() - reach(item.end - lo));
      cls.push('open-start');
    }
    item.className = cls.join(' ');
    return item;
  }

  function renderEvents(page) {
    current.events = page.events;
    current.total = page.total;
    current.byId = {};
    current.docs = {};
    page.documents.forEach(function (d) { current.docs[d.id] = d; });
    page.events.forEach(function (ev) { current.byId[ev.id] = ev; });

    var lo = null, hi = null;
    page.events.forEach(function (ev) {
      [ev.earliest, ev.latest].forEach(function (s) {
        var d = day(s);
        if (!d) return;
        if (!lo || d < lo) lo = d;
        if (!hi || d > hi) hi = addDays(d, 1);
      });
    });

    var dated = [], undated = [], lanes = {};
    page.events.forEach(function (ev) {
      if (!ev.earliest && !ev.latest) { undated.push(ev); return; }
      var it = itemOf(ev, lo, hi);
      if (state.lanes !== 'none') {
        var lane = laneOf(ev);
        it.group = lane.key;
        if (!lanes[lane.key]) lanes[lane.key] = { id: lane.key, content: lane.label, n: 0 };
        lanes[lane.key].n++;
      }
      dated.push(it);
    });

    var list = Object.keys(lanes).map(function (k) { return lanes[k]; });
    list.sort(function (a, b) {
      if ((a.id === '~') !== (b.id === '~')) return a.id === '~' ? 1 : -1;
      return b.n - a.n || (a.content < b.content ? -1 : a.content > b.content ? 1 : 0);
    });
    list.forEach(function (g, i) { g.order = i; g.title = g.n + ' events'; });

    timeline.setSelection([]);
    items.clear();
    groups.clear();
    if (state.lanes === 'none') {
      timeline.setGroups(null);
    } else {
      groups.add(list);
      timeline.setGroups(groups);
    }
    items.add(dated);
    if (dated.length) timeline.fit({ animation: false });

    var ul = $('#undated ul');
    ul.replaceChildren();
    undated.forEach(function (ev) {
      var li = el('li', { 'data-event-id': ev.id, 'class': 'q' + (ev.quad_class || 0) }, headline(ev));
      ul.appendChild(li);
    });
    $('#undated').hidden = undated.length === 0;

    var n = page.events.length;
    var text = page.total === 1 ? '1 event' : page.total.toLocaleString('en') + ' events';
    if (n < page.total) {
      text = (page.offset + 1).toLocaleString('en') + '–' + (page.offset + n).toLocaleString('en') +
        ' of ' + text + ' (in chronological order)';
    }
    $('#count').textContent = text;
    $('#pager').hidden = n >= page.total && page.offset === 0;
    $('#prev').disabled = page.offset === 0;
    $('#next').disabled = page.offset + n >= page.total;
  }

  timeline.on('select', function (props) {
    if (props.items.length === 1) showEvent(props.items[0], true);
  });
  // vis-timeline selects on a tap, which a slow press is not; a click on an
  // event's label shows it whatever the press lasted.
  $('#timeline').addEventListener('click', function (e) {
    var label = e.target.closest('[data-event-id]');
    if (label) showEvent(label.getAttribute('data-event-id'), true);
  });
  $('#undated').addEventListener('click', function (e) {
    var li = e.target.closest('[data-event-id]');
    if (li) showEvent(li.getAttribute('data-event-id'), true);
  });

  // ---- the detail panel

  // highlight returns the sentence with the trigger and the date evidence
  // marked. Spans are byte offsets into the article body (UTF-8), so they are
  // cut from the sentence's UTF-8 bytes, not from the JavaScript string.
  function highlight(ev) {
    var s = ev.sentence;
    var enc = new TextEncoder(), dec = new TextDecoder();
    var bytes = enc.encode(s.text);
    var marks = [];
    [['trigger', ev.trigger], ['evidence', ev.evidence]].forEach(function (m) {
      var sp = m[1];
      if (!sp || sp.start < s.start || sp.end > s.end || sp.end <= sp.start) return;
      marks.push({ cls: m[0], a: sp.start - s.start, b: sp.end - s.start });
    });
    var cuts = [0, bytes.length];
    marks.forEach(function (m) { cuts.push(m.a, m.b); });
    cuts = cuts.filter(function (x, i, all) { return all.indexOf(x) === i; }).sort(function (x, y) { return x - y; });
    var p = el('p', { 'class': 'sentence' });
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1];
      var text = dec.decode(bytes.subarray(a, b));
      var cls = marks.filter(function (m) { return m.a <= a && b <= m.b; }).map(function (m) { return m.cls; });
      p.appendChild(cls.length ? el('mark', { 'class': cls.join(' '), title: cls.join(', ') }, text) : document.createTextNode(text));
    }
    return p;
  }

  function docLabel(id) {
    var d = current.docs[id];
    if (!d) return id;
    var when = d.dct || (d.dct_earliest || d.dct_latest ? (d.dct_earliest || '…') + '..' + (d.dct_latest || '…') : '');
    return (d.title || d.id) + (when ? ' (' + when + ')' : '');
  }

  function docItem(id) {
    var d = current.docs[id];
    var li = el('li');
    if (d && d.url) {
      li.appendChild(el('a', { href: d.url, rel: 'noreferrer noopener', target: '_blank' }, docLabel(id)));
    } else {
      li.textContent = docLabel(id);
    }
    return li;
  }

  function showEvent(id, push) {
    var ev = current.byId[id];
    if (!ev) return;
    state.event = id;
    saveState(push);
    var box = $('#detail');
    box.replaceChildren();
    box.appendChild(el('h2', null, headline(ev)));
    var dl = el('dl');
    function row(k, v) { dl.appendChild(el('dt', null, k)); dl.appendChild(el('dd', null, v)); }
    row('Date', dateRange(ev) + (ev.when ? ' (' + ev.when + (ev.granularity ? ', ' + ev.granularity : '') + ')' : ''));
    row('Dated by', ev.anchor || '—');
    row('Type', ev.cameo ? ev.cameo + ' ' + ev.cameo_name + (ev.plover ? ' · ' + ev.plover : '') : 'context');
    if (ev.quad_class) row('Class', QUAD[ev.quad_class] + ', Goldstein ' + fmtScore(ev.goldstein));
    row('Status', ev.status);
    row('Source', actorLabel(ev.source));
    row('Target', actorLabel(ev.target));
    if (ev.confidence != null) row('Confidence', String(ev.confidence));
    box.appendChild(dl);
    box.appendChild(highlight(ev));
    var legend = el('p', { 'class': 'note' });
    legend.appendChild(el('mark', { 'class': 'trigger' }, 'trigger'));
    legend.appendChild(document.createTextNode(' '));
    legend.appendChild(el('mark', { 'class': 'evidence' }, 'date'));
    box.appendChild(legend);
    if (ev.evidence && (ev.evidence.start < ev.sentence.start || ev.evidence.end > ev.sentence.end)) {
      var note = el('p', { 'class': 'evidence-note' }, 'Dated by “');
      note.appendChild(el('mark', { 'class': 'evidence' }, ev.evidence.text));
      note.appendChild(document.createTextNode('”, elsewhere in the article.'));
      box.appendChild(note);
    }
    box.appendChild(el('h3', null, 'Reported by'));
    var ul = el('ul', { 'class': 'reports' });
    ul.appendChild(docItem(ev.doc));
    (ev.docs || []).forEach(function (d) { ul.appendChild(docItem(d)); });
    box.appendChild(ul);
    if (!STATIC) {
      var more = el('button', { type: 'button' }, 'Only this article');
      more.addEventListener('click', function () { setFilters({ doc: ev.doc }); });
      box.appendChild(more);
    }
    if (timeline.getSelection().join() !== id && items.get(id)) timeline.setSelection([id]);
  }

  // ---- the tension chart: one SVG bar per period with events

  function renderDyads(list) {
    current.dyads = list;
    var sel = $('#dyad');
    sel.replaceChildren();
    list.forEach(function (d) {
      sel.appendChild(el('option', { value: d.dyad }, d.a.name + ' – ' + d.b.name + ' (' + d.events + ')'));
    });
    if (!list.some(function (d) { return d.dyad === state.dyad; })) {
      state.dyad = list.length ? list[0].dyad : '';
    }
    sel.value = state.dyad;
    $('#period').value = state.period;
    $('#tension').hidden = list.length === 0;
  }

  function renderTension() {
    if (!state.dyad) { drawChart({ bars: [] }); return Promise.resolve(); }
    return source.tension(state.dyad, state.period).then(function (t) {
      current.tension = t;
      drawChart(t);
    });
  }

  var SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = text;
    return e;
  }

  function drawChart(t) {
    var chart = $('#chart');
    chart.replaceChildren();
    var bars = t.bars || [];
    var H = 200, top = 12, bottom = 44, left = 44;
    var avail = Math.max(300, $('#chart-box').clientWidth - left - 8);
    var slot = Math.max(10, Math.min(72, avail / Math.max(bars.length, 1)));
    var W = left + slot * Math.max(bars.length, 1) + 8;
    chart.setAttribute('width', W);
    chart.setAttribute('height', H);
    chart.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    if (!bars.length) {
      chart.appendChild(svg('text', { x: left, y: H / 2 }, 'No dated event that occurred between these parties.'));
      return;
    }
    var max = 1;
    bars.forEach(function (b) { max = Math.max(max, b.cooperation, -b.conflict, Math.abs(b.goldstein)); });
    var mid = top + (H - top - bottom) / 2, half = (H - top - bottom) / 2;
    var y = function (v) { return mid - (v / max) * half; };
    [max, max / 2, 0, -max / 2, -max].forEach(function (v) {
      chart.appendChild(svg('line', { 'class': v === 0 ? 'axis' : 'grid', x1: left, x2: W - 4, y1: y(v), y2: y(v) }));
      chart.appendChild(svg('text', { x: left - 4, y: y(v) + 4, 'text-anchor': 'end' }, fmtScore(v)));
    });
    var every = Math.ceil(64 / slot); // a label is about 60 pixels wide
    bars.forEach(function (b, i) {
      var x = left + i * slot, w = Math.max(4, slot * 0.7), x0 = x + (slot - w) / 2;
      if (b.cooperation > 0) chart.appendChild(svg('rect', { 'class': 'part pos', x: x0, width: w, y: y(b.cooperation), height: mid - y(b.cooperation) }));
      if (b.conflict < 0) chart.appendChild(svg('rect', { 'class': 'part neg', x: x0, width: w, y: mid, height: y(b.conflict) - mid }));
      var h = Math.max(2, Math.abs(y(b.goldstein) - mid));
      var sign = b.goldstein > 0 ? 'pos' : b.goldstein < 0 ? 'neg' : 'zero';
      var rect = svg('rect', {
        'class': 'bar ' + sign, x: x0 + w * 0.2, width: w * 0.6,
        y: b.goldstein > 0 ? mid - h : b.goldstein < 0 ? mid : mid - 1, height: h,
        'data-period': b.period, 'data-events': b.events, tabindex: 0
      });
      rect.appendChild(svg('title', null, b.period + ': ' + fmtScore(b.goldstein) + ' (cooperation ' +
        fmtScore(b.cooperation) + ', conflict ' + fmtScore(b.conflict) + '), ' + b.events + (b.events === 1 ? ' event' : ' events')));
      rect.addEventListener('click', function () { showBar(b, rect); });
      chart.appendChild(rect);
      if (i % every === 0) {
        chart.appendChild(svg('text', { x: x + slot / 2, y: H - bottom + 14, 'text-anchor': 'middle' }, b.period));
      }
    });
  }

  // showBar links a bar to its events: those on this page are selected on the
  // timeline and listed; the others are one click away (the period as filter).
  function showBar(b, rect) {
    Array.prototype.forEach.call(document.querySelectorAll('#chart .bar.selected'), function (r) { r.classList.remove('selected'); });
    rect.classList.add('selected');
    var here = b.ids.filter(function (id) { return current.byId[id]; });
    var box = $('#detail');
    box.replaceChildren();
    var d = current.dyads.filter(function (x) { return x.dyad === state.dyad; })[0];
    box.appendChild(el('h2', null, b.period + ' · ' + (d ? d.a.name + ' – ' + d.b.name : state.dyad)));
    box.appendChild(el('p', null, 'Goldstein ' + fmtScore(b.goldstein) + ' (cooperation ' + fmtScore(b.cooperation) +
      ', conflict ' + fmtScore(b.conflict) + ') from ' + b.events + (b.events === 1 ? ' event.' : ' events.')));
    var ul = el('ul', { 'class': 'evlist bar-events' });
    here.forEach(function (id) {
      var ev = current.byId[id];
      ul.appendChild(el('li', { 'data-bar-event': id, 'class': 'q' + (ev.quad_class || 0) }, dateRange(ev) + ' · ' + headline(ev)));
    });
    ul.addEventListener('click', function (e) {
      var li = e.target.closest('[data-bar-event]');
      if (li) showEvent(li.getAttribute('data-bar-event'), true);
    });
    box.appendChild(ul);
    if (here.length < b.ids.length) {
      box.appendChild(el('p', { 'class': 'note' }, (b.ids.length - here.length) + ' of them are not on this page.'));
    }
    if (!STATIC) {
      var btn = el('button', { type: 'button' }, 'Show ' + b.period + ' only');
      btn.addEventListener('click', function () { setFilters({ from: b.start, to: b.end }); });
      box.appendChild(btn);
    }
    timeline.setSelection(here);
    timeline.setWindow(addDays(day(b.start), -2), addDays(day(b.end), 3), { animation: false });
  }

  // ---- loading

  function showError(err) {
    var p = $('#error');
    p.textContent = String(err && err.message || err);
    p.hidden = false;
  }

  function nextFrame() {
    return new Promise(function (resolve) { requestAnimationFrame(function () { requestAnimationFrame(resolve); }); });
  }

  var loading = 0;
  function load() {
    var mine = ++loading;
    body.setAttribute('data-state', 'loading');
    $('#error').hidden = true;
    return Promise.all([source.events(state.page * PAGE_SIZE, PAGE_SIZE), source.dyads()]).then(function (res) {
      if (mine !== loading) return null;
      renderDyads(res[1]);
      renderEvents(res[0]);
      return renderTension();
    }).then(function () {
      if (mine !== loading) return null;
      if (state.event && current.byId[state.event]) showEvent(state.event, false);
      else {
        state.event = '';
        $('#detail').replaceChildren(el('p', { 'class': 'hint' }, 'Click an event to see its sentence.'));
      }
      return nextFrame();
    }).then(function () {
      if (mine !== loading) return;
      window.timelinePage.readyAt = performance.now();
      body.setAttribute('data-state', 'ready');
    }).catch(function (err) {
      if (mine !== loading) return;
      showError(err);
      body.setAttribute('data-state', 'error');
    });
  }

  // ---- controls

  var form = $('#filters');

  function fillForm() {
    FILTERS.forEach(function (k) {
      var input = form.elements[k];
      if (input.type === 'checkbox') input.checked = state[k] === 'true' || state[k] === '1';
      else input.value = state[k];
    });
    $('#lanes').value = state.lanes;
  }

  function setFilters(f) {
    FILTERS.forEach(function (k) { state[k] = f[k] || ''; });
    state.page = 0;
    state.event = '';
    fillForm();
    saveState(true);
    return load();
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var f = {};
    FILTERS.forEach(function (k) {
      var input = form.elements[k];
      f[k] = input.type === 'checkbox' ? (input.checked ? 'true' : '') : input.value.trim();
    });
    setFilters(f);
  });
  $('#clear').addEventListener('click', function () { setFilters({}); });
  $('#lanes').addEventListener('change', function (e) {
    state.lanes = e.target.value;
    saveState(false);
    load();
  });
  $('#dyad').addEventListener('change', function (e) {
    state.dyad = e.target.value;
    saveState(false);
    renderTension();
  });
  $('#period').addEventListener('change', function (e) {
    state.period = e.target.value;
    saveState(false);
    renderTension();
  });
  $('#fit').addEventListener('click', function () { timeline.fit(); });
  $('#prev').addEventListener('click', function () { state.page = Math.max(0, state.page - 1); state.event = ''; saveState(true); load(); });
  $('#next').addEventListener('click', function () { state.page++; state.event = ''; saveState(true); load(); });
  window.addEventListener('popstate', function () { state = readState(); fillForm(); load(); });

  function fillChoices() {
    if (STATIC) {
      form.hidden = true;
      var note = $('#static-note');
      note.textContent = 'Exported timeline of ' + STATIC.events.total + (STATIC.events.total === 1 ? ' event' : ' events') +
        ' from ' + STATIC.events.documents.length + (STATIC.events.documents.length === 1 ? ' article' : ' articles') + '.';
      note.hidden = false;
      return;
    }
    // The choices are a convenience: a failure leaves the free-text fields.
    getJSON('cameo').then(function (roots) {
      var sel = form.elements.cameo;
      roots.forEach(function (r) { sel.appendChild(el('option', { value: r.code }, r.code + ' ' + r.name)); });
      sel.value = state.cameo;
    }).catch(showError);
    getJSON('docs').then(function (docs) {
      var sel = form.elements.doc;
      docs.forEach(function (d) { sel.appendChild(el('option', { value: d.id }, (d.title || d.id) + ' (' + d.events + ')')); });
      sel.value = state.doc;
    }).catch(showError);
    getJSON('actors').then(function (actors) {
      var list = $('#actor-list');
      actors.slice(0, 500).forEach(function (a) {
        list.appendChild(el('option', { value: a.code || a.name }, a.name + (a.code ? ' (' + a.code + ')' : '')));
      });
    }).catch(showError);
  }

  fillForm();
  fillChoices();
  load();
})();
