from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The pages that compose several apps: the home page, a user's own file, a unit's and a
    person's file (with their award history), the navigation, and the demo loader. It sits above
    every domain app so that none of them has to import upwards (docs/architecture.md)."""

    name = "thidua.home"
    label = "home"
    verbose_name = "Trang chủ"
