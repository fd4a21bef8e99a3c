"""Swagger UI served from our own static files, within our CSP (script-src 'self').

ninja's template already keeps its start-up code in an external file; ours adds what the
defaults get wrong for us: a Vietnamese page, and no call to the public validator
(swagger-ui would otherwise load a badge from validator.swagger.io).
"""

from ninja.openapi.docs import Swagger


class LocalSwagger(Swagger):
    template = "api/swagger.html"
    default_settings = {
        **Swagger.default_settings,
        "validatorUrl": None,
        "docExpansion": "list",
        "defaultModelsExpandDepth": 0,
    }
