from .views import routes

app_name = "emulation"

urlpatterns = routes.urlpatterns
