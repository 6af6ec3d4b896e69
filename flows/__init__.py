"""Prefect flows and tasks, all I/O, and the incidents CLI."""
