// SPDX-License-Identifier: MIT
// Added by browser_test.py to a copy of report.html: measures the page as Chromium laid it out and
// leaves the measurements as JSON in a pre element, id carepath-layout, for --dump-dom to carry back.
window.addEventListener('load', function () {
  'use strict';
  var root = document.documentElement;
  var numbers = function (text) {
    return (text.match(/[-\u2212+]?[0-9][0-9,]*(\.[0-9]+)?/g) || []).map(function (t) {
      return parseFloat(t.replace(/\u2212/g, '-').replace(/,/g, ''));
    });
  };
  // A fan or line chart draws every value zero when every line and band lies on its x axis; a
  // forest plot when every difference and interval end it prints is zero.
  var allZero = function (svg) {
    var values = svg.querySelectorAll('text.value');
    if (svg.querySelector('rect.estimate')) {
      return Array.prototype.every.call(values, function (t) {
        return numbers(t.textContent).every(function (v) { return v === 0; });
      });
    }
    var axis = Array.prototype.filter.call(svg.querySelectorAll('line.axis'), function (l) {
      return l.getAttribute('y1') === l.getAttribute('y2');
    })[0];
    var shapes = svg.querySelectorAll('polyline, polygon');
    if (!axis || shapes.length === 0) return false;
    var base = parseFloat(axis.getAttribute('y1'));
    return Array.prototype.every.call(shapes, function (shape) {
      return shape.getAttribute('points').trim().split(/\s+/).every(function (point) {
        return Math.abs(parseFloat(point.split(',')[1]) - base) < 0.5;
      });
    });
  };
  var charts = Array.prototype.map.call(document.querySelectorAll('svg.chart'), function (svg) {
    var title = svg.querySelector('title');
    var figure = svg.closest('figure');
    var caption = figure && figure.querySelector('figcaption');
    return {
      title: title ? title.textContent : '',
      caption: caption ? caption.textContent : '',
      axis_titles: Array.prototype.map.call(svg.querySelectorAll('text.axis-title'), function (t) {
        return t.textContent;
      }).filter(function (t) { return t !== 'replications'; }),  // The precision chart's x axis.
      all_zero: allZero(svg)
    };
  });
  var cards = Array.prototype.map.call(document.querySelectorAll('article.card'), function (card) {
    var name = card.querySelector('h3');
    return {
      name: name ? name.textContent : '',
      rows: Array.prototype.map.call(card.querySelectorAll('tbody tr'), function (row) {
        return Array.prototype.map.call(row.cells, function (cell) { return cell.innerText; });
      })
    };
  });
  var overflowing = Array.prototype.filter.call(document.querySelectorAll('body *'), function (e) {
    return e.getBoundingClientRect().right > root.clientWidth + 0.5;
  }).slice(0, 5).map(function (e) { return e.tagName + '.' + (e.getAttribute('class') || ''); });
  // A box that scrolls sideways inside the page (a wide table, a clipped graph) is sideways
  // scrolling too.
  var scrolling = Array.prototype.filter.call(document.querySelectorAll('body *'), function (e) {
    var overflow = getComputedStyle(e).overflowX;
    return (overflow === 'auto' || overflow === 'scroll') && e.scrollWidth > e.clientWidth + 1;
  }).map(function (e) { return e.tagName + '.' + (e.getAttribute('class') || '') + ' ' + e.scrollWidth + ' px'; });
  var out = document.createElement('pre');
  out.id = 'carepath-layout';
  out.textContent = JSON.stringify({
    scroll_width: root.scrollWidth,
    client_width: root.clientWidth,
    body_width: Math.round(document.body.getBoundingClientRect().width),
    overflowing: overflowing,
    scrolling: scrolling,
    charts: charts,
    cards: cards,
    graph_edges: document.querySelectorAll('figure.graph path.edge').length
  });
  document.body.appendChild(out);
});
