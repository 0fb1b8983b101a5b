"""Admin side of campaigns (updates to followers, pledges, followers)."""
