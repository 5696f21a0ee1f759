// The API reference page: Swagger UI over this service's OpenAPI document.
const root = document.getElementById('swagger-ui')
window.SwaggerUIBundle({
  url: root.dataset.openapiUrl,
  domNode: root,
  deepLinking: true,
  validatorUrl: null,
  persistAuthorization: false,
  onComplete: () => {
    // Swagger UI's server choice has no label of its own.
    const servers = root.querySelector('select#servers')
    if (servers) servers.setAttribute('aria-label', 'Server')
  }
})
