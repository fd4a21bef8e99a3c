from .views import routes

app_name = "home"

urlpatterns = routes.urlpatterns
