from .views import routes

app_name = "council"

urlpatterns = routes.urlpatterns
