def full_name(user) -> str:
    """Vietnamese order: family and middle names (last_name) before the given name (first_name)."""
    if user is None:
        return ""
    name = f"{user.last_name} {user.first_name}".strip()
    return name or user.username
