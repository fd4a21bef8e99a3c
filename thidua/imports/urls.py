from .views import routes

app_name = "imports"

urlpatterns = routes.urlpatterns
