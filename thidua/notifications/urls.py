from .views import routes

app_name = "notifications"
urlpatterns = routes.urlpatterns
