"""Calendar arithmetic the portal's records share: terms in whole years and ages."""

import datetime


def add_years(day: datetime.date, years: int) -> datetime.date:
    """The same day ``years`` later (earlier when negative); 29 February becomes 28 February
    in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def age_on(birth_date: datetime.date, day: datetime.date) -> int:
    """Whole years of age on ``day``."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))
