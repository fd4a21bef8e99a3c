class RulebookError(ValueError):
    """Invalid input or unsupported request; the message is Vietnamese and user-facing."""


class InputError(RulebookError):
    """Invalid JSON payload for the CLI; ``messages`` lists every problem found."""

    def __init__(self, messages):
        if isinstance(messages, str):
            messages = [messages]
        self.messages = list(messages)
        super().__init__("; ".join(self.messages))
