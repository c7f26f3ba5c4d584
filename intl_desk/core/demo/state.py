"""placeholder"""

from intl_desk.core.demo.common import Demo

OFFICE: dict[str, str] = {}


def build_state(demo: Demo) -> None:
    raise NotImplementedError
