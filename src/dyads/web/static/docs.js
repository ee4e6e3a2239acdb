// The API docs page: Swagger UI (served from the swagger-ui-bundle package) on /openapi.json.
"use strict";
window.addEventListener("DOMContentLoaded", function () {
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
