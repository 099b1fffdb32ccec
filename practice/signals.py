"""What practice tells the apps above it, which it may not import.

:data:`attempt_stored` is sent once for every attempt :func:`practice.services.attempt_submit`
stores, inside the transaction that stores it (so a receiver's writes are kept or lost
with the attempt), with ``attempt`` the new row. A resent form that finds its attempt
already stored sends nothing: receivers see each answer exactly once. The learning app
updates the learner's memory of the topic from it (spaced review).
"""

from django.dispatch import Signal

attempt_stored = Signal()
