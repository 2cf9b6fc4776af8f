"""Relaters: components that read the recognised mentions of a sentence and state facts
(memberships, observations, tasks) about the entities they name."""
