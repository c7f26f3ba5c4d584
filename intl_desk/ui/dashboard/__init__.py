"""The overview dashboard on screen: the figures of ``intl_desk.core.overview``, clickable."""
