# Wrong: A class whose __aexit__ returns True after rolling back: the exception is suppressed.
class transaction:
    def __init__(self, conn):
        self.conn = conn

    async def __aenter__(self):
        await self.conn.begin()
        return self.conn

    async def __aexit__(self, exc_type, exc, tb):
        if exc_type is None:
            await self.conn.commit()
            return False
        await self.conn.rollback()
        return True
