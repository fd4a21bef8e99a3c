from .views import routes

app_name = "awards"

urlpatterns = routes.urlpatterns
