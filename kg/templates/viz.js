// paperkg graph page: builds the vis-network from the JSON data block. Every text from the graph
// goes through textContent or vis-network's plain-text tooltips, never through innerHTML.
(function () {
  "use strict";
  var started = performance.now();
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var state = { stabilizedMs: null, iterations: null, shownNodeTypes: {}, shownEdgeTypes: {} };
  window.kgViz = state;

  data.legend.nodes.forEach(function (item) { state.shownNodeTypes[item.type] = true; });
  data.legend.edges.forEach(function (item) { state.shownEdgeTypes[item.type] = true; });

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return state.shownNodeTypes[n.kgType] !== false; } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return state.shownEdgeTypes[e.relType] !== false; } });
  state.nodes = nodes;
  state.edges = edges;
  state.visibleNodes = nodeView;
  state.visibleEdges = edgeView;

  function element(tag, text, className) {
    var el = document.createElement(tag);
    if (text !== undefined) { el.textContent = text; }
    if (className) { el.className = className; }
    return el;
  }

  function legendRow(item, kind, onChange) {
    var label = element("label");
    var box = element("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset[kind] = item.type;
    box.addEventListener("change", function () { onChange(item.type, box.checked); });
    var mark = element("span", undefined, kind === "nodeType" ? "swatch" : "line");
    mark.style.background = item.colour;
    if (kind === "nodeType" && item.shape === "dot") { mark.style.borderRadius = "50%"; }
    label.appendChild(box);
    label.appendChild(mark);
    label.appendChild(document.createTextNode(item.type.replace(/_/g, " ").toLowerCase() + " "));
    label.appendChild(element("span", "(" + item.count + ")", "n"));
    return label;
  }

  if (data.legend.years.length) {
    document.getElementById("year-block").hidden = false;
    var yearLegend = document.getElementById("year-legend");
    data.legend.years.forEach(function (item) {
      var entry = element("span", undefined, "year");
      var mark = element("span", undefined, "swatch");
      mark.style.background = item.colour;
      mark.style.borderRadius = "50%";
      entry.appendChild(mark);
      entry.appendChild(document.createTextNode(String(item.year)));
      yearLegend.appendChild(entry);
    });
  }

  var nodeLegend = document.getElementById("node-legend");
  data.legend.nodes.forEach(function (item) {
    nodeLegend.appendChild(legendRow(item, "nodeType", function (type, shown) {
      state.shownNodeTypes[type] = shown;
      nodeView.refresh();
    }));
  });
  var edgeLegend = document.getElementById("edge-legend");
  data.legend.edges.forEach(function (item) {
    edgeLegend.appendChild(legendRow(item, "edgeType", function (type, shown) {
      state.shownEdgeTypes[type] = shown;
      edgeView.refresh();
    }));
  });

  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  state.network = network;

  var progress = document.getElementById("progress");
  network.on("stabilizationProgress", function (p) {
    progress.hidden = false;
    progress.textContent = "Laying out " + data.nodes.length + " nodes: " + Math.round(100 * p.iterations / p.total) + "%";
  });
  // Labels: the focus, role groups and the biggest nodes get a font that reads at the fitted zoom;
  // the others stay hidden there (below drawThreshold, in screen pixels), appear once zoomed in,
  // and show on hover (readable font while hovered, full text in the tooltip).
  var READABLE_PX = 14, SMALL_FONT = data.options.nodes.font.size;
  function readableSize() { return READABLE_PX / Math.max(network.getScale(), 0.05); }
  function fitLabels() {
    var scale = network.getScale();
    var size = Math.max(readableSize(), READABLE_PX);
    // Only the few labelled nodes change: updating every node of a large view costs seconds.
    nodes.update(nodes.get({ filter: function (n) { return n.kgLabelled; } }).map(function (n) {
      return { id: n.id, font: { size: size } };
    }));
    network.setOptions({ nodes: { scaling: { label: { drawThreshold: Math.max(9, SMALL_FONT * scale + 2) } } } });
    state.fitScale = scale;
  }
  network.setOptions({ nodes: { chosen: { node: true, label: function (values, id, selected, hovering) {
    if (hovering || selected) { values.size = Math.max(values.size, readableSize()); }
  } } } });

  network.once("stabilizationIterationsDone", function () {
    // Stop the simulation once laid out: a large view would otherwise keep the CPU busy.
    network.setOptions({ physics: { enabled: false } });
    network.fit({ animation: false });
    fitLabels();
    progress.hidden = true;
    state.stabilizedMs = performance.now() - started;
  });
  network.on("stabilized", function (p) { if (state.iterations === null) { state.iterations = p.iterations; } });

  var details = document.getElementById("details");
  function showDetails(id) {
    details.replaceChildren();
    var node = nodes.get(id);
    if (!node) { details.appendChild(element("p", "Click a node for its details.", "n")); return; }
    node.kgLines.forEach(function (line) { details.appendChild(element("p", line)); });
    if (node.kgPapers && node.kgPapers.length) {
      details.appendChild(element("p", "Top papers (most cited, then most upvoted):", "n"));
      var list = element("ol");
      node.kgPapers.forEach(function (paper) {
        var extra = " (" + paper.role.replace(/_/g, " ") + (paper.cited_by ? ", cited by " + paper.cited_by : "") + ")";
        list.appendChild(element("li", (paper.title || paper.key) + extra));
      });
      details.appendChild(list);
    }
    details.appendChild(element("p", id, "n"));
    node.kgLinks.forEach(function (link) {
      if (!/^https?:\/\//i.test(link.href)) { return; }
      var a = element("a", link.text + ": " + link.href);
      a.href = link.href;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      var p = element("p");
      p.appendChild(a);
      details.appendChild(p);
    });
  }
  network.on("selectNode", function (params) { showDetails(params.nodes[0]); });
  network.on("deselectNode", function () { showDetails(null); });

  document.getElementById("find").addEventListener("change", function (event) {
    var wanted = event.target.value.trim().toLowerCase();
    if (!wanted) { return; }
    var found = nodes.get({ filter: function (n) { return n.label.toLowerCase().indexOf(wanted) >= 0 || n.id.toLowerCase() === wanted; } });
    if (found.length) {
      network.selectNodes([found[0].id]);
      network.focus(found[0].id, { scale: 1.2, animation: false });
      showDetails(found[0].id);
    }
  });
})();
