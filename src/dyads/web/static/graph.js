// The network page: draws /api/network (positions computed on the server) with vis-network.
// Node colour: actor type; ring colour: community; edge colour: relation type; edge width:
// independent stories; dashed: denied only; contested edges dotted and red-edged.
"use strict";

(function () {
  var TYPE_COLOURS = {
    state: "#1f77b4", government: "#4c9be8", military: "#17becf",
    intelligence_agency: "#9467bd", armed_group: "#d62728", political_party: "#ff7f0e",
    person: "#2ca02c", igo: "#8c564b", other: "#7f7f7f"
  };
  var EDGE_COLOURS = {
    SUPPORTS: "#2ca02c", ATTACKS: "#d62728", OPPOSES: "#ff7f0e", COOPERATES: "#1f77b4",
    ALLIED_WITH: "#17becf", CREATED: "#9467bd", LEADS: "#8c564b", MEMBER_OF: "#bcbd22",
    INFLUENCES: "#e377c2", LOCATED_IN: "#7f7f7f"
  };
  var RINGS = ["#222222", "#b8860b", "#008080", "#8b008b", "#556b2f", "#8b4513", "#483d8b",
    "#2f4f4f", "#800000", "#000080"];

  function typeOf(t) { return TYPE_COLOURS[t] ? t : "other"; }

  function draw(container, status, data) {
    var nodes = new vis.DataSet(data.nodes.map(function (n) {
      return {
        id: n.id, label: n.name, x: n.x, y: n.y, group: typeOf(n.type),
        value: n.stories, shape: "dot",
        title: n.name + " (" + (n.type || "actor") + "): " + n.stories + " stories, " +
          n.degree + " partners",
        color: { background: TYPE_COLOURS[typeOf(n.type)], border: RINGS[n.community % RINGS.length] },
        borderWidth: 3, font: { size: 14, strokeWidth: 3, strokeColor: "#ffffff" }
      };
    }));
    var edges = new vis.DataSet(data.edges.map(function (e, i) {
      var stories = Math.max(e.n_stories, e.denied_stories);
      return {
        id: "e" + i, from: e.source, to: e.target, arrows: "to",
        width: 1 + 1.5 * Math.log2(1 + stories),
        dashes: e.status === "denied" ? [8, 6] : (e.status === "contested" ? [2, 4] : false),
        color: { color: EDGE_COLOURS[e.relation] || "#999999", opacity: e.status === "affirmed" ? 0.85 : 0.6 },
        title: e.relation + ": " + e.n_stories + " stories" +
          (e.denied_stories ? ", denied in " + e.denied_stories : "") +
          (e.kinds.length ? " (" + e.kinds.join(", ") + ")" : "") + " [" + e.status + "]",
        relation: e.relation, status: e.status
      };
    }));
    var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
      physics: false,
      interaction: { hover: true, tooltipDelay: 120 },
      nodes: { scaling: { min: 8, max: 36, label: { enabled: true, min: 12, max: 22 } } },
      edges: { smooth: { type: "curvedCW", roundness: 0.12 } }
    });
    network.on("click", function (params) {
      if (params.nodes.length) {
        window.location.href = "/actor/" + encodeURIComponent(params.nodes[0]);
      } else if (params.edges.length) {
        var e = edges.get(params.edges[0]);
        window.location.href = "/dyad?a=" + encodeURIComponent(e.from) + "&b=" + encodeURIComponent(e.to);
      }
    });
    document.querySelectorAll("input.node-type").forEach(function (box) {
      box.addEventListener("change", function () {
        var hidden = {};
        document.querySelectorAll("input.node-type").forEach(function (b) {
          if (!b.checked) { hidden[b.value] = true; }
        });
        nodes.update(nodes.get().map(function (n) { return { id: n.id, hidden: !!hidden[n.group] }; }));
      });
    });
    container.dataset.nodes = String(data.nodes.length);
    container.dataset.edges = String(data.edges.length);
    status.textContent = data.nodes.length + " actors and " + data.edges.length + " edges shown (" +
      data.n_nodes + " actors and " + data.n_edges + " edges pass the filters)" +
      (data.time ? ", " + data.time : "") + ".";
    network.once("afterDrawing", function () { container.dataset.drawn = "true"; });
    network.fit();
  }

  window.addEventListener("DOMContentLoaded", function () {
    var container = document.getElementById("graph");
    var status = document.getElementById("graph-status");
    if (!container) { return; }
    fetch(container.dataset.api, { headers: { Accept: "application/json" } })
      .then(function (r) {
        return r.json().then(function (body) {
          if (!r.ok) { throw new Error(body.message || r.statusText); }
          return body;
        });
      })
      .then(function (data) {
        if (!data.nodes.length) { status.textContent = "No actor passes these filters."; return; }
        draw(container, status, data);
      })
      .catch(function (err) { status.textContent = "Cannot draw the network: " + err.message; });
  });
})();
