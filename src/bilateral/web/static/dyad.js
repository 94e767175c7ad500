// The dyad page: a map of both states' missions on an offline base map
// (Leaflet and Natural Earth shapes from world-atlas, both served by this
// server), and decade bars that open the list of their events.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("page-data").textContent);

  function markerHtml(mission) {
    var path = data.markers[mission.type] || data.markers.consulate;
    var who = mission.sender === data.a ? "a" : "b";
    return '<svg class="marker-glyph sender-' + who + '" viewBox="0 0 24 24" width="22" height="22" ' +
      'aria-hidden="true" focusable="false"><path d="' + path + '"/></svg>';
  }

  function label(m) {
    return (m.name || (m.type_label + " of " + m.sender_name)) + ", " + m.city + " (" + m.host_name + ")";
  }

  function drawMap() {
    var box = document.getElementById("map");
    if (!box || typeof window.L === "undefined") return;
    box.textContent = "";
    var L = window.L;
    var map = L.map(box, {
      attributionControl: true, zoomSnap: 0.25, worldCopyJump: false, keyboard: true,
      minZoom: 1, maxZoom: 10
    });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Country shapes: Natural Earth (world-atlas)");
    var highlighted = {};
    [data.a, data.b].forEach(function (s, i) {
      if (data.numeric[s]) highlighted[data.numeric[s]] = i === 0 ? "a" : "b";
    });
    fetch("/vendor/world-atlas/countries-50m.json")
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (topo) {
        var land = window.topojson.feature(topo, topo.objects.countries);
        L.geoJSON(land, {
          interactive: false,
          style: function (feature) {
            var who = highlighted[String(feature.id)];
            return { className: "country" + (who ? " country-" + who : ""), weight: 0.6 };
          }
        }).addTo(map).bringToBack();
      })
      .catch(function () {
        box.setAttribute("data-basemap", "missing");
      });
    var points = data.missions.map(function (m) { return [m.lat, m.lng]; });
    // The view comes first: Leaflet adds markers to the page only once it has one.
    if (points.length) {
      map.fitBounds(L.latLngBounds(points).pad(0.15), { maxZoom: 6 });
    } else {
      map.setView([20, 0], 1);
    }
    data.missions.forEach(function (m) {
      var icon = L.divIcon({
        className: "mission-marker mission-" + m.type,
        html: markerHtml(m), iconSize: [22, 22], iconAnchor: [11, 11]
      });
      var marker = L.marker([m.lat, m.lng], { icon: icon, title: label(m), keyboard: true, riseOnHover: true });
      marker.addTo(map);
      var node = marker.getElement();
      if (node) {
        node.setAttribute("role", "button");
        node.setAttribute("aria-label", label(m));
        node.setAttribute("data-mission", m.id);
        node.setAttribute("data-mission-type", m.type);
      }
      marker.on("click", function () { window.bilateralShowFact(m.id, node); });
      if (node) {
        node.addEventListener("keydown", function (event) {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            window.bilateralShowFact(m.id, node);
          }
        });
      }
    });
    box.setAttribute("data-markers", String(points.length));
  }

  function decadeList(decade) {
    var ids = data.decades[String(decade)] || [];
    var panel = document.getElementById("fact-panel");
    var body = document.getElementById("fact-panel-body");
    document.getElementById("fact-panel-title").textContent = "The " + decade + "s: " + ids.length + " events";
    body.textContent = "";
    var list = document.createElement("ul");
    ids.forEach(function (id) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "fact";
      button.setAttribute("data-fact", id);
      button.textContent = data.labels[id] || id;
      item.appendChild(button);
      list.appendChild(item);
    });
    body.appendChild(list);
    panel.hidden = false;
    panel.focus();
  }

  document.addEventListener("click", function (event) {
    var bar = event.target.closest ? event.target.closest("[data-decade]") : null;
    if (bar) {
      event.preventDefault();
      decadeList(bar.getAttribute("data-decade"));
    }
  });

  drawMap();
})();
