"""``__in`` on integer columns ignores numbers no such column can hold.

Django already turns an out-of-range number in an exact lookup into an empty result, but not in
``__in``: SQLite then raises ``OverflowError`` (a 500) for an id such as 10**20 typed into a
multiple-choice form field or a filter URL. Registered on ``IntegerField`` (auto and big auto
fields too) from ``CoreConfig.ready()``, so every form and filter is covered at once.
"""

from django.db.models.lookups import In


class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(
                self.lhs.output_field.get_internal_type()
            )
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)
