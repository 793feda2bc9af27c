/* The menukaart map: loads /api/v3/geo/ and draws techniekhuizen and partners with Leaflet.
 * Without a configured tile URL the points are drawn on a plain background, so nothing is fetched
 * from the internet. The server-rendered lists stay on the page as the fallback. */
(function () {
  "use strict";
  var container = document.getElementById("menukaart-map");
  if (!container || typeof L === "undefined" || !window.fetch) return;

  var colours = { techniekhuis: "#c2410c", partner: "#1d4ed8" };
  var labels = JSON.parse(document.getElementById("menukaart-map-labels").textContent);

  function text(value) {
    var span = document.createElement("span");
    span.textContent = value == null ? "" : String(value);
    return span.innerHTML;
  }

  function popup(properties) {
    var html = "<strong>" + text(properties.name) + "</strong>";
    if (properties.city) html += "<br>" + text(properties.city);
    if (properties.type === "techniekhuis" && properties.url) {
      html += '<br><a href="' + encodeURI(properties.url) + '">' + text(labels.more) + "</a>";
    }
    if (properties.offers && properties.offers.length) {
      html += "<ul>" + properties.offers.map(function (offer) {
        return "<li>" + text(offer.title) + " (" + text(offer.kind_label) + ")</li>";
      }).join("") + "</ul>";
    }
    return html;
  }

  container.hidden = false;
  var map = L.map(container, { scrollWheelZoom: false }).setView([52.1, 5.3], 7);
  var tileUrl = container.dataset.tileUrl;
  if (tileUrl) {
    L.tileLayer(tileUrl, { attribution: container.dataset.tileAttribution || "", maxZoom: 18 }).addTo(map);
  } else {
    container.classList.add("menukaart-map--plain");
  }

  fetch(container.dataset.geoUrl, { headers: { Accept: "application/geo+json" } })
    .then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    })
    .then(function (collection) {
      var layer = L.geoJSON(collection, {
        pointToLayer: function (feature, latlng) {
          return L.circleMarker(latlng, {
            radius: 8, weight: 2, color: "#fff", fillOpacity: 0.9,
            fillColor: colours[feature.properties.type] || "#374151",
          });
        },
        onEachFeature: function (feature, marker) {
          marker.bindPopup(popup(feature.properties));
          marker.bindTooltip(feature.properties.name);
        },
      }).addTo(map);
      container.dataset.features = String(collection.features.length);
      if (collection.features.length) map.fitBounds(layer.getBounds(), { padding: [24, 24], maxZoom: 12 });
      container.classList.add("menukaart-map--loaded");
    })
    .catch(function () {
      container.hidden = true;
    });
})();
