from .views import routes

app_name = "portal"

urlpatterns = routes.urlpatterns
