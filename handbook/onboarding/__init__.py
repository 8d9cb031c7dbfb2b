"""Onboarding: role playbooks with week 1 / 30 / 60 / 90 checklists."""
