"""The sample notice shipped with noticekg, so ``noticekg demo`` works from an installed wheel."""

from importlib.resources import files
from importlib.resources.abc import Traversable

SAMPLE_NOTICE = "wzkjc-xuncha-zhenggai.txt"


def sample_notice() -> Traversable:
    """The bundled 巡察整改 notice of a Wenzhou development-zone committee (2021)."""
    return files(__package__).joinpath(SAMPLE_NOTICE)
