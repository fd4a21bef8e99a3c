from .views import routes

app_name = "org"

urlpatterns = routes.urlpatterns
