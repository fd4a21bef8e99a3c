from .views import routes

app_name = "eligibility"

urlpatterns = routes.urlpatterns
