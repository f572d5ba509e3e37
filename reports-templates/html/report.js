/* SgAudit HTML report: filters, search, sortable columns and pages for the findings table and the resource cards.
   Optional: without it the report shows everything. It reads the page (cell text and data-* attributes) and
   writes only class names, attributes and textContent, never HTML, so account text stays text. Filtering and
   sorting work on arrays; the DOM is touched only for the rows and cards of the page shown, so 100,000+ findings
   stay responsive. Inlined by {{inlineScript}}; the Content-Security-Policy allows it by its hash. */
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  var PAGE_SIZES = [100, 500, 2000];
  var CARD_PAGE = 25;
  var PRINT_LIMIT = 5000;
  var RANK = { critical: '0', high: '1', medium: '2', low: '3', info: '4' };

  function all(list) { return Array.prototype.slice.call(list); }

  function el(tag, text, attributes) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = text; }
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }

  function number(n) { return n.toLocaleString('en-US'); }

  // A pager under a list: previous/next, "page X of Y" and, for the findings, the page size.
  function Pager(nav, sizes, onChange) {
    var self = this;
    self.page = 0;
    self.size = sizes[0];
    self.prev = el('button', '‹ Previous', { type: 'button', 'data-page': 'prev' });
    self.next = el('button', 'Next ›', { type: 'button', 'data-page': 'next' });
    self.label = el('span', '', { 'class': 'page-label' });
    nav.appendChild(self.prev);
    nav.appendChild(self.label);
    nav.appendChild(self.next);
    if (sizes.length > 1) {
      var select = el('select', null, { 'aria-label': 'Rows per page' });
      sizes.forEach(function (size) { select.appendChild(el('option', size + ' per page', { value: String(size) })); });
      select.addEventListener('change', function () { self.size = Number(select.value); self.page = 0; onChange(); });
      nav.appendChild(select);
    }
    self.prev.addEventListener('click', function () { self.page -= 1; onChange(); });
    self.next.addEventListener('click', function () { self.page += 1; onChange(); });
    nav.hidden = false;
  }

  Pager.prototype.update = function (count) {
    var pages = Math.max(1, Math.ceil(count / this.size));
    this.page = Math.min(Math.max(this.page, 0), pages - 1);
    this.label.textContent = 'Page ' + number(this.page + 1) + ' of ' + number(pages);
    this.prev.disabled = this.page === 0;
    this.next.disabled = this.page >= pages - 1;
    return this.page * this.size;
  };

  // Shows exactly items[from, from + size) of a list whose other members are hidden by CSS (no "on" class).
  function show(previous, items, from, size, container) {
    previous.forEach(function (item) { item.classList.remove('on'); });
    var page = items.slice(from, from + size);
    var fragment = container ? document.createDocumentFragment() : null;
    page.forEach(function (item) {
      item.classList.add('on');
      if (fragment) { fragment.appendChild(item); }
    });
    if (fragment) { container.appendChild(fragment); }
    return page;
  }

  function init() {
    var table = document.getElementById('findings-table');
    if (!table) { return; }
    // The rows come in bodies of 1,000, hidden by the stylesheet so that the browser styles the bodies, not every
    // row; the page shown is moved into a body of its own.
    var rows = [];
    all(table.tBodies).forEach(function (part) { Array.prototype.push.apply(rows, all(part.rows)); });
    var body = el('tbody', null, { 'class': 'page' });
    table.appendChild(body);
    var count = rows.length;
    var heads = all(table.tHead.rows[0].cells);
    var columnOf = {};
    heads.forEach(function (th, i) { columnOf[th.getAttribute('data-key')] = i; });
    var rowGroup = rows.map(function (row) { return row.getAttribute('data-g'); });

    var form = document.getElementById('filters');
    var selects = all(form.querySelectorAll('select[data-filter]'));
    var search = document.getElementById('search');
    var status = document.getElementById('findings-status');
    var cardBox = document.getElementById('groups');
    var cards = cardBox ? all(cardBox.children) : [];
    var cardStatus = document.getElementById('groups-status');

    var cache = {};
    function column(i) {
      if (!cache[i]) {
        var values = new Array(count);
        for (var r = 0; r < count; r++) { values[r] = rows[r].cells[i].textContent.trim(); }
        cache[i] = values;
      }
      return cache[i];
    }
    var texts = null;

    var order = [];
    for (var r = 0; r < count; r++) { order.push(r); }
    var matching = order;
    var matchingCards = cards;
    var shownRows = [];
    var shownCards = [];
    var printing = false;

    var rowPager = new Pager(document.getElementById('findings-pager'), PAGE_SIZES, render);
    var cardPager = cards.length ? new Pager(document.getElementById('groups-pager'), [CARD_PAGE], renderCards) : null;

    function render() {
      var size = printing ? PRINT_LIMIT : rowPager.size;
      var from = printing ? 0 : rowPager.update(matching.length);
      var page = matching.slice(from, from + size).map(function (i) { return rows[i]; });
      shownRows = show(shownRows, page, 0, size, body);
      status.textContent = matching.length === 0
        ? 'No finding matches (' + number(count) + ' in all).'
        : 'Showing ' + number(from + 1) + '–' + number(from + shownRows.length) + ' of ' + number(matching.length) + ' matching findings (' + number(count) + ' in all).';
      status.setAttribute('data-matching', String(matching.length));
      status.setAttribute('data-shown', String(shownRows.length));
      renderCards();
    }

    function renderCards() {
      if (!cardPager) { return; }
      var from = printing ? 0 : cardPager.update(matchingCards.length);
      shownCards = show(shownCards, matchingCards, from, printing ? PRINT_LIMIT : CARD_PAGE, null);
      cardStatus.textContent = matchingCards.length === 0
        ? 'No resource has a matching finding.'
        : 'Showing ' + number(from + 1) + '–' + number(from + shownCards.length) + ' of ' + number(matchingCards.length) + ' resources with matching findings (' + number(cards.length) + ' in all).';
      cardStatus.setAttribute('data-matching', String(matchingCards.length));
    }

    function filter() {
      var conditions = [];
      selects.forEach(function (select) {
        if (select.value !== '') { conditions.push({ values: column(columnOf[select.getAttribute('data-filter')]), value: select.value }); }
      });
      var query = search.value.trim().toLowerCase();
      if (query && !texts) { texts = rows.map(function (row) { return row.textContent.toLowerCase(); }); }
      if (conditions.length === 0 && !query) {
        matching = order;
        matchingCards = cards;
      } else {
        matching = [];
        var groups = Object.create(null);
        for (var k = 0; k < order.length; k++) {
          var row = order[k];
          var ok = true;
          for (var c = 0; c < conditions.length && ok; c++) { ok = conditions[c].values[row] === conditions[c].value; }
          if (ok && query) { ok = texts[row].indexOf(query) >= 0; }
          if (ok) {
            matching.push(row);
            groups[rowGroup[row]] = true;
          }
        }
        matchingCards = cards.filter(function (card) { return groups[card.getAttribute('data-g')] === true; });
      }
      rowPager.page = 0;
      if (cardPager) { cardPager.page = 0; }
      render();
    }

    // Sortable columns: a button in each header; a second click reverses. Ties keep the report's order.
    var sorted = { column: -1, direction: 1 };
    heads.forEach(function (th, i) {
      var button = el('button', th.textContent, { type: 'button', 'class': 'sort' });
      th.textContent = '';
      th.appendChild(button);
      th.setAttribute('aria-sort', 'none');
      button.addEventListener('click', function () {
        sorted.direction = sorted.column === i ? -sorted.direction : 1;
        sorted.column = i;
        var values = column(i);
        var keys = th.getAttribute('data-sort') === 'severity' ? values.map(function (v) { return RANK[v] || '9'; }) : values;
        var direction = sorted.direction;
        order = order.slice().sort(function (a, b) {
          var x = keys[a];
          var y = keys[b];
          if (x < y) { return -direction; }
          if (x > y) { return direction; }
          return a - b;
        });
        heads.forEach(function (other) { other.setAttribute('aria-sort', 'none'); });
        th.setAttribute('aria-sort', direction === 1 ? 'ascending' : 'descending');
        filter();
      });
    });

    var timer = 0;
    search.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(filter, 150);
    });
    selects.forEach(function (select) { select.addEventListener('change', filter); });
    form.addEventListener('submit', function (event) { event.preventDefault(); filter(); });
    form.addEventListener('reset', function () { setTimeout(filter, 0); });

    // Counts in the overview select their filter: a click on "16" next to a region shows that region's findings.
    all(document.querySelectorAll('a.pick[data-pick]')).forEach(function (link) {
      link.addEventListener('click', function () {
        selects.forEach(function (select) {
          if (select.getAttribute('data-filter') === link.getAttribute('data-pick')) {
            select.value = link.getAttribute('data-value');
          }
        });
        filter();
      });
    });

    // A link to a card on another page turns to that page first, so the browser can scroll to it.
    function reveal(hash) {
      if (!cardPager || hash.indexOf('#g-') !== 0) { return; }
      var target = document.getElementById(hash.slice(1));
      var index = matchingCards.indexOf(target);
      if (index < 0) { return; }
      cardPager.page = Math.floor(index / CARD_PAGE);
      renderCards();
      target.open = true;
    }
    document.addEventListener('click', function (event) {
      var link = event.target.closest ? event.target.closest('a[href^="#g-"]') : null;
      if (link) { reveal(link.getAttribute('href')); }
    });
    window.addEventListener('hashchange', function () { reveal(location.hash); });

    // Printing shows every matching row and card (up to a limit), not just the page on screen.
    window.addEventListener('beforeprint', function () { printing = true; render(); });
    window.addEventListener('afterprint', function () { printing = false; render(); });

    form.hidden = false;
    status.hidden = false;
    if (cardStatus) { cardStatus.hidden = false; }
    render();
    if (location.hash) { reveal(location.hash); }
    document.documentElement.setAttribute('data-report-ready', 'true');
  }

  // If anything fails, show everything as without JavaScript rather than a table whose rows stay hidden.
  function start() {
    try {
      init();
    } catch (error) {
      document.documentElement.classList.remove('js');
      throw error;
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
