// The API reference page: Swagger UI over this service's OpenAPI document.
const root = document.getElementById('swagger-ui')
window.SwaggerUIBundle({
  url: root.dataset.openapiUrl,
  domNode: root,
  deepLinking: true,
  validatorUrl: null,
  persistAuthorization: false
})
