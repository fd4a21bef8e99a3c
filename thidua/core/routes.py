"""An app's URL table, declared beside each view: the address and the page read together.

    routes = Routes()

    @routes("de-nghi/<int:pk>/", "nomination-detail")
    @login_required
    def nomination_detail(request, pk): ...

    nomination_submit_view = routes.door("de-nghi/<int:pk>/trinh/", "nomination-submit", services.nomination_submit,
                                         fetch=..., back=..., success="Đã trình đề nghị …")

and the app's urls.py is ``app_name = "awards"; urlpatterns = views.routes.urlpatterns``. Underneath it
is Django's ``path()``; patterns are tried in the order the views are declared."""

from django.urls import path

from .door_views import door_view


class Routes:
    def __init__(self):
        self.urlpatterns = []

    def add(self, route: str, name: str, view):
        self.urlpatterns.append(path(route, view, name=name))
        return view

    def __call__(self, route: str, name: str):
        def register(view):
            return self.add(route, name, view)

        return register

    def door(self, route: str, name: str, door, **options):
        """A page that calls one door (core.door_views.door_view), at ``route``."""
        return self.add(route, name, door_view(door, **options))
