namespace MarginBridge.Margin.Portfolio;

public enum VolShock
{
    Up = 0,
    Unchanged = 1,
    Down = 2,
}
